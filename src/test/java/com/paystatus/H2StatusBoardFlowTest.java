package com.paystatus;

import com.paystatus.support.FullAppTest;

@FullAppTest
class H2StatusBoardFlowTest extends StatusBoardFlowContract {}
