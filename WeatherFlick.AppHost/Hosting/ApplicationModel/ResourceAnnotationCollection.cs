using System.Collections.ObjectModel;

namespace WeatherFlick.AppHost.Hosting.ApplicationModel;

public sealed class ResourceAnnotationCollection : Collection<IResourceAnnotation>;
