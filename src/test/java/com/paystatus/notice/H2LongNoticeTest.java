package com.paystatus.notice;

import com.paystatus.support.FullAppTest;

@FullAppTest
class H2LongNoticeTest extends LongNoticeContract {}
