/**
 * Channels, their groups and the history of their states; offers {@link com.paystatus.channel.ChannelService}
 * and its records.
 */
@ApplicationModule(allowedDependencies = {"audit", "shared"})
package com.paystatus.channel;

import org.springframework.modulith.ApplicationModule;
