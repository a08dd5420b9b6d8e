package com.paystatus.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NetworksTest {

    @Test
    void loopbackIsKnownWithoutLookingAnythingUp() {
        assertThat(Networks.isLoopback("127.0.0.1")).isTrue();
        assertThat(Networks.isLoopback("127.0.2.1")).isTrue();
        assertThat(Networks.isLoopback("::1")).isTrue();
        assertThat(Networks.isLoopback("0:0:0:0:0:0:0:1")).isTrue();
        assertThat(Networks.isLoopback("203.0.113.9")).isFalse();
        assertThat(Networks.isLoopback("2001:db8::1")).isFalse();
        assertThat(Networks.isLoopback("localhost")).isFalse(); // a name, not an address: never resolved
        assertThat(Networks.isLoopback(null)).isFalse();
    }

    @Test
    void anythingThatIsNotAnAddressStandsForItself() {
        assertThat(Networks.of("Example.COM")).isEqualTo("example.com");
        assertThat(Networks.of("")).isEqualTo("unknown");
        assertThat(Networks.of("::ffff:203.0.113.9")).isEqualTo("203.0.113.0/24");
    }
}
