package com.paystatus.notice;

import com.paystatus.support.PostgresAppTest;

@PostgresAppTest
class PostgresLongNoticeTest extends LongNoticeContract {}
