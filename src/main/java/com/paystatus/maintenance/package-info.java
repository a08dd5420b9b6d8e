/**
 * Maintenance windows, scheduled and acted on; a window in progress holds its channels in
 * maintenance.
 */
@ApplicationModule(allowedDependencies = {"audit", "channel", "shared"})
package com.paystatus.maintenance;

import org.springframework.modulith.ApplicationModule;
