package com.paystatus.status;

import java.util.function.Supplier;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Lets a listener that hears every public change of a transaction act once for all of them: a
 * scheduler run that starts ten windows moves the revision once and rebuilds the snapshot once. The
 * mark is a transaction synchronization, so a nested {@code REQUIRES_NEW} transaction (whose
 * synchronizations are suspended) gets its own.
 */
final class OncePerTransaction {

    private OncePerTransaction() {}

    /**
     * Registers the synchronization the supplier makes, unless one of its class is registered in the
     * current transaction already. Returns whether it registered (false also outside a transaction).
     */
    static boolean register(
            Class<? extends TransactionSynchronization> kind, Supplier<TransactionSynchronization> make) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return false;
        }
        boolean present =
                TransactionSynchronizationManager.getSynchronizations().stream().anyMatch(kind::isInstance);
        if (present) {
            return false;
        }
        TransactionSynchronizationManager.registerSynchronization(make.get());
        return true;
    }
}
