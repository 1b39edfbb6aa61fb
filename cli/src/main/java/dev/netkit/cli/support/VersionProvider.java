package dev.netkit.cli.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * Answers {@code --version} for the launcher and every program: {@code netkit 0.1.0} or
 * {@code netkit echo-server 0.1.0}. The version is the Maven project's, written at build time
 * into {@code version.properties} next to this class (a resource that Maven filters).
 */
public final class VersionProvider implements IVersionProvider {

  private static final String RESOURCE = "version.properties";

  @Spec
  private CommandSpec spec;

  /** Creates the provider (picocli does, from {@code versionProvider = ...}). */
  public VersionProvider() {
  }

  /**
   * Returns the project's version as the build wrote it.
   *
   * @return e.g. {@code 0.1.0-SNAPSHOT}
   * @throws IllegalStateException if the resource is missing or was not filtered
   */
  public static String version() {
    Properties properties = new Properties();
    try (InputStream in = VersionProvider.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing from the class path");
      }
      properties.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String version = properties.getProperty("version", "");
    if (version.isBlank() || version.contains("${")) {
      throw new IllegalStateException(RESOURCE + " has no version: '" + version + "'");
    }
    return version;
  }

  /**
   * Returns the version line of a command.
   *
   * @param command the launcher's or a program's command
   * @return e.g. {@code netkit echo-server 0.1.0-SNAPSHOT}
   */
  public static String line(CommandSpec command) {
    return command.qualifiedName() + " " + version();
  }

  @Override
  public String[] getVersion() {
    return new String[] {line(spec)};
  }
}
