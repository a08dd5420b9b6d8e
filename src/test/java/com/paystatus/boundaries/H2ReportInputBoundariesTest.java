package com.paystatus.boundaries;

import com.paystatus.support.FreshBoard;
import com.paystatus.support.FullAppTest;

/** The report doors' hardening on H2. */
@FullAppTest
@FreshBoard
class H2ReportInputBoundariesTest extends ReportInputBoundariesContract {}
