package com.paystatus.boundaries;

import com.paystatus.support.FullAppTest;

@FullAppTest
class H2InputBoundariesTest extends InputBoundariesContract {}
