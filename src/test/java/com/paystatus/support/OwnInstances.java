package com.paystatus.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * A class that starts PayStatus instances of its own (child processes, or {@link Instances} in this
 * JVM) on a database of its own: it shares nothing with the classes of the shared contexts, and spends
 * most of its time waiting for its instances, so it runs beside them (see {@code
 * junit-platform.properties}), its own tests one after the other (a class holding a lock runs its tests
 * on its own thread). One such class at a time: two on two shared cores starve each other's
 * start-ups. Never beside a test that reads the console ({@link #CONSOLE}): their instances write to
 * it, and a context that starts resets the logging that the whole JVM shares.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Execution(ExecutionMode.CONCURRENT)
@ResourceLock(OwnInstances.ONE_AT_A_TIME)
@ResourceLock(value = OwnInstances.CONSOLE, mode = ResourceAccessMode.READ)
public @interface OwnInstances {

    String ONE_AT_A_TIME = "own-instances";

    /** Held, read-write, by a test that asserts what was logged ({@code CapturedOutput}). */
    String CONSOLE = "console";
}
