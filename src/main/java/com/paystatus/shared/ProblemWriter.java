package com.paystatus.shared;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes an RFC 9457 problem document straight to a response, for the places that answer before
 * Spring MVC does (servlet filters, the error dispatch); inside MVC, {@code ApiProblems} does it.
 */
public class ProblemWriter {

    private final JsonMapper json;

    public ProblemWriter(JsonMapper json) {
        this.json = json;
    }

    /** The problem's members, in the order RFC 9457 lists them; {@code errors} may be null. */
    public static Map<String, Object> problem(
            HttpStatus status, String title, String detail, List<Map<String, String>> errors) {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", title);
        problem.put("status", status.value());
        problem.put("detail", detail);
        if (errors != null) {
            problem.put("errors", errors);
        }
        return problem;
    }

    public void write(
            HttpServletResponse response,
            HttpStatus status,
            String title,
            String detail,
            List<Map<String, String>> errors)
            throws IOException {
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        json.writeValue(response.getOutputStream(), problem(status, title, detail, errors));
    }
}
