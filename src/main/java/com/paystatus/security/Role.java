package com.paystatus.security;

import com.paystatus.shared.Coded;
import java.util.List;

/**
 * What a person or a token may do. Each role includes the one below it: {@code admin} manages users,
 * tokens, channels and reads the audit log; {@code operator} posts notices, runs maintenance and sets
 * states; {@code support} only reads the admin views (open notices, links, QR codes, ready replies).
 * Apart from that line, {@code metrics} is for tokens only and reads nothing but the Prometheus scrape
 * ({@code GET /actuator/prometheus}); admins may read it too. {@code integration} is for monitoring
 * tools' tokens too: it posts alerts to the receivers under {@code /api/admin/integrations/} and
 * nothing else, not even a read (an alert may only propose; people publish).
 */
public enum Role implements Coded {
    ADMIN("admin"),
    OPERATOR("operator"),
    SUPPORT("support"),
    METRICS("metrics"),
    INTEGRATION("integration");

    /** Spring Security's view of {@link Role}'s inclusion, for {@code RoleHierarchy}. */
    static final String HIERARCHY =
            "ROLE_ADMIN > ROLE_OPERATOR\nROLE_OPERATOR > ROLE_SUPPORT\nROLE_ADMIN > ROLE_METRICS\nROLE_ADMIN > ROLE_INTEGRATION";

    /** The roles a person can have: {@code metrics} and {@code integration} are for monitoring tokens only. */
    static final List<Role> FOR_PEOPLE = List.of(ADMIN, OPERATOR, SUPPORT);

    private final String code;

    Role(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }

    String authority() {
        return "ROLE_" + name();
    }
}
