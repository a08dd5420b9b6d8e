package com.paystatus;

import com.paystatus.support.PostgresAppTest;

/** The same story on a real PostgreSQL, with the same Flyway migrations as production. */
@PostgresAppTest
class PostgresStatusBoardFlowTest extends StatusBoardFlowContract {}
