package com.paystatus.admin;

import com.paystatus.shared.InvalidInputException;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;

/** Shows a domain rule's violations beside the form fields they concern. */
final class FormErrors {

    private FormErrors() {}

    static void show(InvalidInputException e, BindingResult result) {
        for (InvalidInputException.Violation v : e.violations()) {
            result.addError(new FieldError(
                    result.getObjectName(),
                    v.field(),
                    null,
                    false,
                    new String[] {v.messageKey()},
                    v.args(),
                    v.messageKey()));
        }
    }
}
