/**
 * Reading the session logs users paste: {@link io.github.ftpdoctor.analysis.TranscriptAnalyzer} recognises the
 * log formats of widely used FTP clients (lftp, BSD ftp and tnftp, NcFTP, curl, Python's ftplib, Java and Apache
 * Commons Net, WinSCP, FileZilla, CuteFTP, this project's own reports and plain transcripts) and diagnoses every
 * failure in a log with the classifier of {@link io.github.ftpdoctor.diagnosis}, as a
 * {@link io.github.ftpdoctor.analysis.Finding}.
 */
package io.github.ftpdoctor.analysis;
