/**
 * The admin pages and the admin API: thin doors onto the features' services.
 */
@ApplicationModule(allowedDependencies = {"channel", "notice", "maintenance", "report", "shared", "subscription"})
package com.paystatus.admin;

import org.springframework.modulith.ApplicationModule;
