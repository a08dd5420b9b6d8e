/**
 * User reports ("is it just me?"): people say a channel fails them; only counts per channel, symptom
 * and minute are kept. Counts are shown beside the operator's state (never instead of it) through
 * {@link com.paystatus.status.UserReports}, and a spike detector tells operators early.
 */
@ApplicationModule(allowedDependencies = {"channel", "notice", "status", "shared"})
package com.paystatus.report;

import org.springframework.modulith.ApplicationModule;
