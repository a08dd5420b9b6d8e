/**
 * What really is shared: time, errors and their pages, web settings, Markdown, properties. It
 * depends on no other module.
 */
@ApplicationModule(allowedDependencies = {})
package com.paystatus.shared;

import org.springframework.modulith.ApplicationModule;
