/** The {@code ftp-doctor} command line. Not exported. */
package io.github.ftpdoctor.cli;
