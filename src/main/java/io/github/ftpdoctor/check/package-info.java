/**
 * The server check: {@link io.github.ftpdoctor.check.ServerCheck} runs every step of a complete test of one FTP
 * server and returns an immutable {@link io.github.ftpdoctor.check.CheckReport} whose steps each carry a status, the
 * catalog's outcome, the facts, and an explanation and advice in English and Chinese ({@code ftp-doctor check}).
 */
package io.github.ftpdoctor.check;
