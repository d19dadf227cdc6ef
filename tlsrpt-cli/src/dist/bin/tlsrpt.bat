@echo off
rem tlsrpt: the command line tool of tlsrpt-java (SMTP TLS Reporting, RFC 8460).
rem Runs lib\tlsrpt.jar with the java of JAVA_HOME, else the java on PATH (Java 17 or later).
rem TLSRPT_JAVA_OPTS adds options to java. cmd cannot tell whether a stream is a terminal, so no
rem terminal facts are passed: colour follows the JVM's console, and no progress bar is drawn.
setlocal
set "TLSRPT_JAR=%~dp0..\lib\tlsrpt.jar"
if not exist "%TLSRPT_JAR%" (
  echo tlsrpt: lib\tlsrpt.jar is missing: unpack the whole tlsrpt archive 1>&2
  exit /b 127
)
set "JAVA_EXE=java.exe"
if defined JAVA_HOME set "JAVA_EXE=%JAVA_HOME%\bin\java.exe"
if defined JAVA_HOME if not exist "%JAVA_EXE%" (
  echo tlsrpt: JAVA_HOME has no bin\java.exe: set it to a Java 17 or later, or unset it to use the java on PATH 1>&2
  exit /b 127
)
if not defined JAVA_HOME (
  where java.exe >nul 2>nul || (
    echo tlsrpt: no java found: install Java 17 or later, or set JAVA_HOME 1>&2
    exit /b 127
  )
)
rem The one java command line: JVM options (start-up tuning, a class-data-sharing archive) go here.
"%JAVA_EXE%" %TLSRPT_JAVA_OPTS% -jar "%TLSRPT_JAR%" %*
exit /b %ERRORLEVEL%
