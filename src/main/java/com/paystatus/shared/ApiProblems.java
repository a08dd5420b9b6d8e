package com.paystatus.shared;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.validation.BindException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.util.DisconnectedClientHelper;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * Turns every JSON API's errors into RFC 9457 problem documents in the caller's language: 400 with
 * field errors, 404, 409. Nothing internal (exception text, stack) reaches the caller.
 */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiProblems {

    private static final Logger log = LoggerFactory.getLogger(ApiProblems.class);

    private final MessageSource messages;

    ApiProblems(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(InvalidInputException.class)
    ResponseEntity<ProblemDetail> invalid(InvalidInputException e) {
        List<Map<String, String>> errors = e.violations().stream()
                .map(v -> Map.of("field", v.field(), "message", text(v.messageKey(), v.args())))
                .toList();
        return problem(HttpStatus.BAD_REQUEST, "problem.invalid.title", text("problem.invalid.detail"), errors);
    }

    /** Bean Validation's field errors, with the domain's objections beside them when a door added those. */
    @ExceptionHandler(BindException.class)
    ResponseEntity<ProblemDetail> invalid(BindException e) {
        List<Map<String, String>> errors = e.getBindingResult().getFieldErrors().stream()
                .map(f -> Map.of("field", f.getField(), "message", messages.getMessage(f, locale())))
                .toList();
        return problem(HttpStatus.BAD_REQUEST, "problem.invalid.title", text("problem.invalid.detail"), errors);
    }

    /** Not JSON, or a value of the wrong type or with refused characters: names the field when it can. */
    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e) {
        InvalidInputException rule = cause(e, InvalidInputException.class);
        if (rule != null) { // a value read into a domain type, e.g. a malformed time
            return invalid(rule);
        }
        JacksonException json = cause(e, JacksonException.class);
        String field = json == null ? "" : field(json.getPath());
        if (field.isEmpty()) {
            return problem(HttpStatus.BAD_REQUEST, "problem.invalid.title", text("problem.unreadable.detail"), null);
        }
        String message = json instanceof StrictJson.RefusedCharacters
                ? text("validation.characters")
                : text(expectedTypeKey(json instanceof MismatchedInputException m ? m.getTargetType() : null));
        return problem(
                HttpStatus.BAD_REQUEST,
                "problem.invalid.title",
                text("problem.invalid.detail"),
                List.of(Map.of("field", field, "message", message)));
    }

    /**
     * A path segment that is not what the address expects ({@code /api/admin/notices/abc}) names
     * nothing: 404. A query parameter of the wrong form ({@code ?page=x}, {@code ?from=yesterday}) is
     * a 400 naming it.
     */
    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> mismatch(MethodArgumentTypeMismatchException e) {
        if (e.getParameter().hasParameterAnnotation(PathVariable.class)) {
            return problem(HttpStatus.NOT_FOUND, "problem.notFound.title", text("problem.notFound.path"), null);
        }
        return problem(
                HttpStatus.BAD_REQUEST,
                "problem.invalid.title",
                text("problem.invalid.detail"),
                List.of(Map.of("field", e.getName(), "message", text(expectedTypeKey(e.getRequiredType())))));
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<ProblemDetail> missing(MissingServletRequestParameterException e) {
        return problem(
                HttpStatus.BAD_REQUEST,
                "problem.invalid.title",
                text("problem.invalid.detail"),
                List.of(Map.of("field", e.getParameterName(), "message", text("validation.required"))));
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ProblemDetail> unsupported(HttpMediaTypeNotSupportedException e) {
        return problem(
                HttpStatus.UNSUPPORTED_MEDIA_TYPE, "problem.invalid.title", text("problem.mediaType.detail"), null);
    }

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<ProblemDetail> notFound(NotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "problem.notFound.title", text(e.messageKey(), e.args()), null);
    }

    @ExceptionHandler(ConflictException.class)
    ResponseEntity<ProblemDetail> conflict(ConflictException e) {
        return problem(HttpStatus.CONFLICT, "problem.conflict.title", text(e.messageKey(), e.args()), null);
    }

    @ExceptionHandler(ObjectOptimisticLockingFailureException.class)
    ResponseEntity<ProblemDetail> concurrentChange(ObjectOptimisticLockingFailureException e) {
        return problem(HttpStatus.CONFLICT, "problem.conflict.title", text("error.concurrentChange"), null);
    }

    /** The database is out of reach: nothing was written; try again later. */
    @ExceptionHandler({DataAccessResourceFailureException.class, CannotCreateTransactionException.class})
    ResponseEntity<ProblemDetail> databaseDown(RuntimeException e) {
        ResponseEntity<ProblemDetail> answer = problem(
                HttpStatus.SERVICE_UNAVAILABLE, "problem.unavailable.title", text("problem.unavailable.detail"), null);
        return ResponseEntity.status(answer.getStatusCode())
                .headers(answer.getHeaders())
                .header("Retry-After", "30")
                .body(answer.getBody());
    }

    /**
     * Anything else Spring MVC reports about a request (405, 406, ...) keeps its status; anything
     * unexpected is a 500 that says nothing of its cause, which goes to the log.
     */
    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> other(Exception e) {
        if (e instanceof ErrorResponse known) {
            HttpStatus status = HttpStatus.valueOf(known.getStatusCode().value());
            ResponseEntity<ProblemDetail> answer = problem(status, ErrorAnswers.titleKey(status), null, null);
            return ResponseEntity.status(status)
                    .headers(known.getHeaders())
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(answer.getBody());
        }
        if (DisconnectedClientHelper.isClientDisconnectedException(e)) {
            return null; // nobody is listening any more
        }
        log.error("Unexpected failure answering an API request", e);
        return problem(
                HttpStatus.INTERNAL_SERVER_ERROR, "problem.internal.title", text("problem.internal.detail"), null);
    }

    private static <T extends Throwable> T cause(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    /** {@code channels.fenfu-online}, {@code updates[0].message}: where in the body the value sits. */
    private static String field(List<JacksonException.Reference> path) {
        StringBuilder field = new StringBuilder();
        for (JacksonException.Reference step : path) {
            if (step.getPropertyName() != null) {
                if (!field.isEmpty()) {
                    field.append('.');
                }
                field.append(step.getPropertyName());
            } else if (step.getIndex() >= 0) {
                field.append('[').append(step.getIndex()).append(']');
            }
        }
        return field.toString();
    }

    private static String expectedTypeKey(Class<?> type) {
        if (type == null) {
            return "validation.type";
        }
        if (CharSequence.class.isAssignableFrom(type) || type.isEnum()) {
            return "validation.type.text";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "validation.type.boolean";
        }
        if (type == Integer.class
                || type == int.class
                || type == Long.class
                || type == long.class
                || type == Short.class
                || type == short.class) {
            return "validation.type.integer";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
            return "validation.type.number";
        }
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "validation.type.array";
        }
        if (java.time.temporal.Temporal.class.isAssignableFrom(type)) {
            return "validation.type.date";
        }
        return "validation.type.object";
    }

    private ResponseEntity<ProblemDetail> problem(
            HttpStatus status, String titleKey, String detail, List<Map<String, String>> errors) {
        ProblemDetail problem = ProblemDetail.forStatus(status);
        if (detail != null) {
            problem.setDetail(detail);
        }
        problem.setTitle(text(titleKey));
        problem.setType(URI.create("about:blank"));
        if (errors != null) {
            problem.setProperty("errors", errors);
        }
        return ResponseEntity.status(status)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, key, locale());
    }

    private static Locale locale() {
        return LocaleContextHolder.getLocale();
    }
}
