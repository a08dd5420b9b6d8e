package com.paystatus.report;

import com.paystatus.support.FreshBoard;
import com.paystatus.support.FullAppTest;

/** The report counts on H2, the default database. */
@FullAppTest
@FreshBoard
class H2ReportCountsTest extends ReportCountsContract {}
