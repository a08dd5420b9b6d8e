/**
 * Subscriptions: who hears about public changes (email addresses, webhooks, later group robots) and
 * the outbox that delivers each change to each of them once, after commit, on any instance.
 */
@ApplicationModule(allowedDependencies = {"audit", "channel", "notice", "maintenance", "shared"})
package com.paystatus.subscription;

import org.springframework.modulith.ApplicationModule;
