<%-- A JSP of the legacy application. The sample launcher carries no JSP engine: both containers answer 500 for it,
     and Stageline never lets the static file handler send this source. --%>
<%@ page contentType="text/plain;charset=UTF-8" %>
Hello from a JSP, user <%= request.getRemoteUser() %>.
