/**
 * Notices (the cause of a state) and their templates; notices hold channels in a state through
 * {@link com.paystatus.channel.StateHolds}.
 */
@ApplicationModule(allowedDependencies = {"audit", "channel", "shared"})
package com.paystatus.notice;

import org.springframework.modulith.ApplicationModule;
