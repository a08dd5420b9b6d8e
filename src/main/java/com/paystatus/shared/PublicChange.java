package com.paystatus.shared;

/**
 * Marks a domain event that changes what the public sees. Published inside the writing transaction;
 * {@code status} bumps the revision in that transaction and rebuilds the snapshot after it commits, so a
 * new consumer of public changes is one more listener for this type, not one more call in every writer.
 */
public interface PublicChange {}
