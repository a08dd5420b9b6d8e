package com.paystatus.admin;

import com.paystatus.shared.InvalidInputException.Violation;
import jakarta.validation.Validator;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;
import org.springframework.validation.BindException;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.validation.beanvalidation.SpringValidatorAdapter;

/**
 * How both doors answer a command that Bean Validation refused: with the domain's objections beside
 * it (on fields without an error yet), so the operator fixes everything in one go. The forms show
 * the result beside the fields; the API lists it as problem+json {@code errors}.
 */
@Component
class Commands {

    private final SpringValidatorAdapter validator;

    Commands(Validator validator) {
        this.validator = new SpringValidatorAdapter(validator);
    }

    /**
     * Checks a command built from a form against the command's own constraints, recording the errors
     * on the form's fields of the same names.
     */
    void validate(Object command, BindingResult result) {
        validator.validate(command, result);
    }

    /** Does nothing when the command passed its constraints; the domain then checks it as it runs. */
    static void refuseIfInvalid(BindingResult result, Supplier<List<Violation>> domainRules) throws BindException {
        if (result.hasErrors()) {
            show(domainRules.get(), result, false);
            throw new BindException(result);
        }
    }

    /**
     * Adds each violation, except on fields that already show an error. A page words a rule for its
     * own controls under {@code <key>.form} when it has one (「或勾选“恢复时间待定”」 where the API
     * says "send null").
     */
    static void show(List<Violation> violations, BindingResult result, boolean page) {
        for (Violation v : violations) {
            if (result.hasFieldErrors(v.field())) {
                continue;
            }
            String[] codes =
                    page ? new String[] {v.messageKey() + ".form", v.messageKey()} : new String[] {v.messageKey()};
            result.addError(
                    new FieldError(result.getObjectName(), v.field(), null, false, codes, v.args(), v.messageKey()));
        }
    }
}
