package com.oktoslack.storage;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.Set;

/** Owner-only permissions (0600 files, 0700 folders) where the file system has POSIX permissions. */
final class OwnerOnly {

    static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");
    static final Set<PosixFilePermission> FOLDER = PosixFilePermissions.fromString("rwx------");
    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    static final Optional<FileAttribute<Set<PosixFilePermission>>> FILE_ATTRIBUTE =
            POSIX ? Optional.of(PosixFilePermissions.asFileAttribute(FILE)) : Optional.empty();

    private OwnerOnly() {
    }

    static void file(Path path) throws IOException {
        if (POSIX && Files.exists(path) && !Files.getPosixFilePermissions(path).equals(FILE)) {
            Files.setPosixFilePermissions(path, FILE);
        }
    }

    static void folder(Path path) throws IOException {
        if (POSIX) {
            Files.setPosixFilePermissions(path, FOLDER);
        }
    }
}
