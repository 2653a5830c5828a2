/**
 * Typed exceptions. Every failure is an {@link io.github.ftpdoctor.error.FtpException} (an {@code IOException})
 * carrying its {@link io.github.ftpdoctor.diagnosis.Diagnosis}; catch a category or a specific outcome.
 */
package io.github.ftpdoctor.error;
