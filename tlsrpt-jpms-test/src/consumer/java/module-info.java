/** A user's module: it names the three tlsrpt modules and nothing else. */
module dev.tlsrpt.consumer {
    requires dev.tlsrpt;
    requires dev.tlsrpt.schema;
    requires dev.tlsrpt.mail;
}
