package com.paystatus.admin;

import com.paystatus.shared.InvalidInputException;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;

/** Shows a domain rule's violations beside the form fields they concern. */
final class FormErrors {

    private FormErrors() {}

    /** The first violation as one sentence, for a flash message: 「原因：不能为空」. */
    static String sentence(InvalidInputException e, MessageSource messages) {
        InvalidInputException.Violation v = e.violations().get(0);
        Locale locale = LocaleContextHolder.getLocale();
        return messages.getMessage("field." + v.field(), null, v.field() + ": ", locale)
                + messages.getMessage(v.messageKey(), v.args(), locale);
    }

    static void show(InvalidInputException e, BindingResult result) {
        show(e.violations(), result);
    }

    /**
     * Adds each violation, except on fields that already show an error. A page may word a rule for
     * its own controls under {@code <key>.form} (「或勾选“恢复时间待定”」 where the API says "send null").
     */
    static void show(List<InvalidInputException.Violation> violations, BindingResult result) {
        for (InvalidInputException.Violation v : violations) {
            if (result.hasFieldErrors(v.field())) {
                continue;
            }
            result.addError(new FieldError(
                    result.getObjectName(),
                    v.field(),
                    null,
                    false,
                    new String[] {v.messageKey() + ".form", v.messageKey()},
                    v.args(),
                    v.messageKey()));
        }
    }
}
