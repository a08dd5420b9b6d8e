/**
 * The audit log: it listens to what happened and stores it; the admin reads it.
 */
@ApplicationModule(allowedDependencies = {"shared"})
package com.paystatus.audit;

import org.springframework.modulith.ApplicationModule;
