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

    /** The first problem of a command checked outside a form page, as one sentence for a flash message. */
    static String sentence(BindingResult result, MessageSource messages) {
        FieldError error = result.getFieldErrors().get(0);
        Locale locale = LocaleContextHolder.getLocale();
        return messages.getMessage("field." + error.getField(), null, error.getField() + ": ", locale)
                + messages.getMessage(error, locale);
    }

    static void show(InvalidInputException e, BindingResult result) {
        show(e.violations(), result);
    }

    /** Adds each violation beside its field, in the page's wording, except on fields that already show an error. */
    static void show(List<InvalidInputException.Violation> violations, BindingResult result) {
        Commands.show(violations, result, true);
    }
}
