package com.paystatus.shared;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;

/** A missing channel or notice on a page is a friendly 404 page, never a 500. */
@ControllerAdvice(annotations = Controller.class)
@Order(Ordered.LOWEST_PRECEDENCE)
class HtmlErrorPages {

    @ExceptionHandler(NotFoundException.class)
    ModelAndView notFound(NotFoundException e) {
        return page("error/404", HttpStatus.NOT_FOUND, e);
    }

    /** {@code /notices/abc}: no such notice either. */
    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ModelAndView malformedPath(MethodArgumentTypeMismatchException e) {
        return page("error/404", HttpStatus.NOT_FOUND, null);
    }

    @ExceptionHandler(ConflictException.class)
    ModelAndView conflict(ConflictException e) {
        return page("error/409", HttpStatus.CONFLICT, e);
    }

    /** The database is out of reach: the operator's change was not saved. */
    @ExceptionHandler({DataAccessResourceFailureException.class, CannotCreateTransactionException.class})
    ModelAndView databaseDown(RuntimeException e) {
        return page("error/503", HttpStatus.SERVICE_UNAVAILABLE, null);
    }

    private static ModelAndView page(String view, HttpStatus status, MessageKeyException e) {
        ModelAndView page = new ModelAndView(view);
        page.setStatus(status);
        if (e != null) {
            page.addObject("messageKey", e.messageKey());
            page.addObject("messageArgs", e.args());
        }
        return page;
    }
}
