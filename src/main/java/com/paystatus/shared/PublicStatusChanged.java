package com.paystatus.shared;

/** Published inside a transaction that changed what the public sees; carries the new revision. */
public record PublicStatusChanged(long revision) {}
