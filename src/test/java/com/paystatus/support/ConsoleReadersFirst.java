package com.paystatus.support;

import java.util.Arrays;
import java.util.Comparator;
import org.junit.jupiter.api.ClassDescriptor;
import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.ClassOrdererContext;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * Runs the classes that read the console ({@code OutputCaptureExtension}) first, the others in the
 * order they were found. A test that reads the console waits while an {@link OwnInstances} class runs
 * (up to a minute); first, they are done before those begin, and nothing waits for long.
 */
public class ConsoleReadersFirst implements ClassOrderer {

    @Override
    public void orderClasses(ClassOrdererContext context) {
        context.getClassDescriptors()
                .sort(Comparator.comparing(ConsoleReadersFirst::readsTheConsole).reversed());
    }

    private static boolean readsTheConsole(ClassDescriptor descriptor) {
        return descriptor.findRepeatableAnnotations(ExtendWith.class).stream()
                .flatMap(extendWith -> Arrays.stream(extendWith.value()))
                .anyMatch(OutputCaptureExtension.class::equals);
    }
}
