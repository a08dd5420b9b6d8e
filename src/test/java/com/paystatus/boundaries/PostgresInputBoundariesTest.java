package com.paystatus.boundaries;

import com.paystatus.support.PostgresAppTest;

/** PostgreSQL refuses NUL in text outright: the same input must meet the same 400 there. */
@PostgresAppTest
class PostgresInputBoundariesTest extends InputBoundariesContract {}
