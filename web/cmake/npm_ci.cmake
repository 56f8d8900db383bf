# Runs `npm ci` in WEB_DIR only when node_modules is missing or older than the
# lockfile, then touches STAMP (which the Vite build depends on). Run with
#   cmake -DNPM=... -DWEB_DIR=... -DSTAMP=... -P npm_ci.cmake
set(installed "${WEB_DIR}/node_modules/.package-lock.json")
set(lock "${WEB_DIR}/package-lock.json")
set(need FALSE)
if(NOT EXISTS "${installed}")
  set(need TRUE)
elseif("${lock}" IS_NEWER_THAN "${installed}")
  set(need TRUE)
endif()
if(need)
  message(STATUS "web: npm ci (node_modules missing or older than package-lock.json)")
  execute_process(COMMAND "${NPM}" ci --no-audit --no-fund --loglevel=error
                  WORKING_DIRECTORY "${WEB_DIR}" RESULT_VARIABLE rc)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "web: npm ci failed (${rc})")
  endif()
  file(TOUCH "${installed}")
  file(TOUCH "${STAMP}")
elseif(NOT EXISTS "${STAMP}" OR "${installed}" IS_NEWER_THAN "${STAMP}")
  file(TOUCH "${STAMP}")
endif()
