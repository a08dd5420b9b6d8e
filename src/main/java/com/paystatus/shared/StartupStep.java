package com.paystatus.shared;

/**
 * Work an instance does once it serves: the first admin, the demo data, the first status snapshot.
 * {@link StartupWork} runs the steps in their {@code @Order} and runs a step that failed again later
 * (the database may be away just then), so each step must be safe to repeat: do its work in one
 * transaction, or first look at what is already there.
 */
public interface StartupStep {

    void run();
}
