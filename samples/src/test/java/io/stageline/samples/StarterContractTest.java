package io.stageline.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Modifier;
import java.util.function.ToIntFunction;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class StarterContractTest {
    @ParameterizedTest
    @EnumSource(Container.class)
    void everyContainerNamesAPublicStarterWithTheJdkOnlyContract(Container container) throws Exception {
        Class<?> starter = Class.forName(container.starterClass(), false, getClass().getClassLoader());
        assertTrue(ToIntFunction.class.isAssignableFrom(starter), starter + " is not a ToIntFunction");
        assertTrue(AutoCloseable.class.isAssignableFrom(starter), starter + " is not AutoCloseable");
        assertTrue(Modifier.isPublic(starter.getConstructor().getModifiers()));
        assertEquals("io.stageline.samples." + container.id(), starter.getPackageName());
    }
}
