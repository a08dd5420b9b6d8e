package com.paystatus.security;

import com.paystatus.shared.ApiTimes;
import com.paystatus.shared.PayStatusProperties;
import java.net.URI;
import java.security.Principal;
import java.time.ZoneId;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Users and API tokens over the admin API (admins only). Secrets appear once, in the creating answer. */
@RestController
class AdminUsersApiController {

    private final UserService users;
    private final ApiTokenService tokens;
    private final ZoneId zone;

    AdminUsersApiController(UserService users, ApiTokenService tokens, PayStatusProperties properties) {
        this.users = users;
        this.tokens = tokens;
        this.zone = properties.zone();
    }

    record UserRequest(String username, String role) {}

    record RoleRequest(String role) {}

    record EnabledRequest(Boolean enabled) {}

    record UserJson(String username, String role, boolean enabled, boolean mustChangePassword, String createdAt) {}

    record UserWithPasswordJson(UserJson user, String password) {}

    record TokenRequest(String name, String role, String expiresAt) {}

    record TokenJson(
            long id,
            String name,
            String role,
            String createdAt,
            String createdBy,
            String expiresAt,
            String revokedAt,
            boolean active) {}

    record CreatedTokenJson(TokenJson token, String secret) {}

    @GetMapping("/api/admin/users")
    List<UserJson> users() {
        return users.all().stream().map(this::json).toList();
    }

    @PostMapping("/api/admin/users")
    ResponseEntity<UserWithPasswordJson> create(@RequestBody UserRequest body) {
        UserService.WithPassword created = users.create(body.username(), body.role());
        return ResponseEntity.created(
                        URI.create("/api/admin/users/" + created.user().username()))
                .body(new UserWithPasswordJson(json(created.user()), created.password()));
    }

    @PutMapping("/api/admin/users/{username}/role")
    UserJson role(@PathVariable String username, @RequestBody RoleRequest body, Principal me) {
        return json(users.changeRole(username, body.role(), me.getName()));
    }

    @PutMapping("/api/admin/users/{username}/enabled")
    UserJson enabled(@PathVariable String username, @RequestBody EnabledRequest body, Principal me) {
        return json(users.setEnabled(username, !Boolean.FALSE.equals(body.enabled()), me.getName()));
    }

    @PostMapping("/api/admin/users/{username}/password-reset")
    UserWithPasswordJson reset(@PathVariable String username) {
        UserService.WithPassword reset = users.resetPassword(username);
        return new UserWithPasswordJson(json(reset.user()), reset.password());
    }

    @GetMapping("/api/admin/tokens")
    List<TokenJson> tokens() {
        return tokens.all().stream().map(this::json).toList();
    }

    @PostMapping("/api/admin/tokens")
    ResponseEntity<CreatedTokenJson> createToken(@RequestBody TokenRequest body, Principal me) {
        ApiTokenService.Created created =
                tokens.create(body.name(), body.role(), ApiTimes.parse(body.expiresAt(), "expiresAt"), me.getName());
        return ResponseEntity.created(
                        URI.create("/api/admin/tokens/" + created.token().id()))
                .body(new CreatedTokenJson(json(created.token()), created.secret()));
    }

    @DeleteMapping("/api/admin/tokens/{id}")
    TokenJson revoke(@PathVariable long id, Principal me) {
        return json(tokens.revoke(id, me.getName()));
    }

    private UserJson json(UserRecord user) {
        return new UserJson(
                user.username(),
                user.role().code(),
                user.enabled(),
                user.mustChangePassword(),
                ApiTimes.format(user.createdAt(), zone));
    }

    private TokenJson json(ApiTokenRecord token) {
        return new TokenJson(
                token.id(),
                token.name(),
                token.role().code(),
                ApiTimes.format(token.createdAt(), zone),
                token.createdBy(),
                ApiTimes.format(token.expiresAt(), zone),
                ApiTimes.format(token.revokedAt(), zone),
                token.active());
    }
}
