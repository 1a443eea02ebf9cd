package bhr.assistant.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DataDirectoryLockTest {

    @TempDir
    Path data;

    @Test
    void a_second_holder_is_refused_with_the_directory_and_the_holders_pid_until_the_first_lets_go() {
        DataDirectoryLock first = new DataDirectoryLock(data);

        DataDirectoryLock.DataDirectoryInUseException refused = assertThrows(DataDirectoryLock.DataDirectoryInUseException.class,
                () -> new DataDirectoryLock(data));
        assertTrue(refused.getMessage().contains(data.toAbsolutePath().toString()), refused.getMessage());
        assertTrue(refused.getMessage().contains("pid " + ProcessHandle.current().pid()), refused.getMessage());

        first.close();
        new DataDirectoryLock(data).close();
    }
}
