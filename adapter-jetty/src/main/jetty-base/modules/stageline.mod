# Stageline for Jetty 12.1: unzip stageline-jetty-base.zip into $JETTY_BASE, then
#   java -jar $JETTY_HOME/start.jar --add-modules=stageline

[description]
Applies Stageline (the IIS 7+ integrated request pipeline as one servlet filter) to every ee11 web application,
with the server-level configuration file ${jetty.base}/etc/stageline.yaml (optional) layered under each
application's WEB-INF/stageline.yaml (also optional).

[tags]
stageline

[environment]
ee11

[depend]
ee11-webapp
ee11-deploy

[lib]
lib/stageline/*.jar

[xml]
etc/stageline.xml

[ini-template]
# tag::ini-template[]
## The server-level Stageline configuration (YAML), layered under each application's WEB-INF/stageline.yaml.
## Read when each application starts; a missing file is skipped. The JVM system property
## -Dstageline.server.config=FILE (which must then exist) overrides it.
# stageline.server.config=${jetty.base}/etc/stageline.yaml
# end::ini-template[]
