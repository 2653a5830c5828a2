package io.github.ftpdoctor.example;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** A file service: {@code GET /files/{name}} downloads from the FTP server {@code example} through its pool. */
@SpringBootApplication
public class FilesApplication {
    public static void main(String[] args) {
        SpringApplication.run(FilesApplication.class, args);
    }
}
