/**
 * The read side: the snapshot, public pages, {@code /api/v2}, feeds, badges and the page cache. It
 * reads the other features through their services once per revision; public requests read the
 * snapshot.
 */
@ApplicationModule(allowedDependencies = {"channel", "notice", "maintenance", "shared"})
package com.paystatus.status;

import org.springframework.modulith.ApplicationModule;
