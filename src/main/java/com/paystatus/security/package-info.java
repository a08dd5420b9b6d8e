/**
 * Who may do what, by path and method; the public endpoints it opens to machines come from
 * {@link com.paystatus.status.PublicEndpoints}.
 */
@ApplicationModule(allowedDependencies = {"audit", "shared", "status"})
package com.paystatus.security;

import org.springframework.modulith.ApplicationModule;
