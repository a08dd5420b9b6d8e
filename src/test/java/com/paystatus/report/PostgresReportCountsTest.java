package com.paystatus.report;

import com.paystatus.support.FreshBoard;
import com.paystatus.support.PostgresAppTest;

/** The report counts on a real PostgreSQL: {@code insert ... on conflict do update} adds up. */
@PostgresAppTest
@FreshBoard
class PostgresReportCountsTest extends ReportCountsContract {}
