package com.paystatus.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

/** Without PAYSTATUS_ADMIN_PASSWORD the first admin gets a generated password, logged once and stored hashed. */
// A context of its own (not FullAppTest): it starts without an admin password, so that the first
// admin gets a generated one, and reads the log of that very start; its own database, closed after.
@SpringBootTest(
        properties = {"spring.datasource.url=jdbc:h2:mem:first-admin;DB_CLOSE_DELAY=-1", "paystatus.admin.password="})
@ActiveProfiles("test")
@ExtendWith(OutputCaptureExtension.class)
@DirtiesContext
class FirstAdminTest {

    @Autowired
    UserDetailsService users;

    @Autowired
    PasswordEncoder passwords;

    @Autowired
    FirstAdmin firstAdmin;

    @Autowired
    AppUserRepository repository;

    @Test
    void aGeneratedPasswordIsWrittenToTheLogOnceStoredHashedAndWorks(CapturedOutput output) throws Exception {
        Matcher logged = Pattern.compile("generated password: (\\S+)").matcher(output.getAll());
        assertThat(logged.find()).as("the generated password is in the log").isTrue();
        String password = logged.group(1);
        assertThat(password).hasSizeGreaterThanOrEqualTo(20);

        var admin = users.loadUserByUsername("admin");
        assertThat(admin.getPassword()).doesNotContain(password).startsWith("{bcrypt}");
        assertThat(passwords.matches(password, admin.getPassword())).isTrue();
        // a generated password has been in a log: until it is changed, it opens only the password form
        assertThat(admin.getAuthorities()).extracting(Object::toString).containsExactly("PASSWORD_CHANGE_REQUIRED");
        assertThat(repository.findByUsername("admin").orElseThrow().getRole()).isEqualTo(Role.ADMIN);

        // the next start finds the user and neither creates nor logs another password
        firstAdmin.run();
        assertThat(repository.count()).isEqualTo(1);
        assertThat(Pattern.compile("generated password")
                        .matcher(output.getAll())
                        .results()
                        .count())
                .isEqualTo(1);
    }
}
