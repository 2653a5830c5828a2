/** The FTP client: {@link io.github.ftpdoctor.FtpClient}, its configuration and results. */
package io.github.ftpdoctor;
