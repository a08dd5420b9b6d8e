/**
 * Monitoring integrations: alerts from Alertmanager, Grafana, Uptime Kuma or a generic JSON become
 * proposed notices that operators publish or dismiss (or that publish and resolve themselves, when a
 * rule says so), and open notices whose estimate has passed or that have gone quiet remind operators.
 */
@ApplicationModule(allowedDependencies = {"audit", "channel", "notice", "report", "shared", "status"})
package com.paystatus.integration;

import org.springframework.modulith.ApplicationModule;
