@echo off
rem aidevops: the AI DevOps Suite command line, for Windows cmd.exe (Linux and macOS use the bash script aidevops).
rem Builds the CLI with mvnw.cmd on first use, then runs it. AIDEVOPS_JAVA_OPTS adds JVM options; JAVA_HOME picks
rem the Java runtime.
rem
rem Unlike the bash launcher, this one does not notice changed sources: cmd.exe cannot compare file times without
rem starting PowerShell, which would cost about a second on every run. It builds only when
rem controller\target\aidevops.built is missing. Maven writes that file as the last step of every complete package,
rem so a build interrupted half-way is simply done again. After changing the sources, build by hand:
rem     mvnw.cmd -pl controller -am package
rem Nor does it lock against two first runs at once, or record a class-data archive: the JVM's defaults throughout.
rem
rem Written without labels or goto (cmd.exe misreads labels once line ends have been turned into LF), and no block
rem below uses a variable it sets itself, because cmd.exe expands variables when it reads the whole block.
setlocal
set "AIDEVOPS_ROOT=%~dp0"
set "AIDEVOPS_TARGET=%~dp0controller\target"
set "AIDEVOPS_JAVA=java"
if defined JAVA_HOME if exist "%JAVA_HOME%\bin\java.exe" set "AIDEVOPS_JAVA=%JAVA_HOME%\bin\java.exe"
set "AIDEVOPS_LOG=%TEMP%\aidevops-build-%RANDOM%%RANDOM%.log"

if not exist "%AIDEVOPS_TARGET%\aidevops.built" (
  >&2 echo aidevops: building the command line with mvnw.cmd - the first build downloads Maven and libraries: a few minutes; later runs start at once...
  pushd "%AIDEVOPS_ROOT%"
  rem "call": without it control would pass to mvnw.cmd for good and never come back here.
  call mvnw.cmd -B -q -DskipTests -pl controller -am package >"%AIDEVOPS_LOG%" 2>&1
  rem "if errorlevel 1" is read when it runs; an ERRORLEVEL variable would be expanded before the build.
  if errorlevel 1 (
    popd
    type "%AIDEVOPS_LOG%" >&2
    del "%AIDEVOPS_LOG%" >nul 2>&1
    >&2 echo aidevops: the build failed; the Maven output is above.
    exit /b 3
  )
  popd
  del "%AIDEVOPS_LOG%" >nul 2>&1
)

"%AIDEVOPS_JAVA%" %AIDEVOPS_JAVA_OPTS% -jar "%AIDEVOPS_TARGET%\aidevops.jar" %*
exit /b %ERRORLEVEL%
